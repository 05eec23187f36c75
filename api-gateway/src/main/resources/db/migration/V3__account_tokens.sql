-- API tokens of local accounts with the apiKey capability (argocd account generate-token), as
-- argocd-secret's accounts.<name>.tokens: a token is honoured only while its row is here.
CREATE TABLE account_token (
    account_name VARCHAR(253) NOT NULL REFERENCES account (name) ON DELETE CASCADE,
    id           VARCHAR(253) NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_name, id)
);
