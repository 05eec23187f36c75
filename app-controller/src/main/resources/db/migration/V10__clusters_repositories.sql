-- Registered destination clusters and repositories (Argo CD's cluster and repository secrets).
-- Credentials live only in the *_sealed columns, AES-256-GCM encrypted by the service
-- (quargo.secrets.key); the other columns hold nothing secret.
CREATE TABLE cluster (
    id             BIGSERIAL PRIMARY KEY,
    server         VARCHAR(2048) NOT NULL,
    name           VARCHAR(253)  NOT NULL,
    insecure       BOOLEAN       NOT NULL DEFAULT FALSE,
    config_sealed  TEXT          NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT cluster_server UNIQUE (server),
    CONSTRAINT cluster_name UNIQUE (name)
);

CREATE TABLE repository (
    id             BIGSERIAL PRIMARY KEY,
    repo           VARCHAR(2048) NOT NULL,
    type           VARCHAR(16)   NOT NULL,
    name           VARCHAR(253),
    project        VARCHAR(253),
    username       VARCHAR(253),
    insecure       BOOLEAN       NOT NULL DEFAULT FALSE,
    secret_sealed  TEXT,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT repository_repo UNIQUE (repo)
);
