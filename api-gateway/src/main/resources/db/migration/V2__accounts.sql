-- Local accounts (Argo CD's argocd-cm accounts.* and argocd-secret's passwords), bcrypt-hashed.
CREATE TABLE account (
    name           VARCHAR(253) PRIMARY KEY,
    password_hash  VARCHAR(100),
    enabled        BOOLEAN NOT NULL DEFAULT TRUE,
    password_mtime TIMESTAMP WITH TIME ZONE
);

-- The key that signs session and project-role tokens, generated at first start.
CREATE TABLE signing_key (
    id          VARCHAR(64) PRIMARY KEY,
    private_pem TEXT NOT NULL,
    public_pem  TEXT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- Sessions ended by DELETE /api/v1/session, refused until they would have expired anyway.
CREATE TABLE revoked_token (
    jti        VARCHAR(64) PRIMARY KEY,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL
);
