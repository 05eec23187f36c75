-- Applications and AppProjects: the whole Argo document (spec and status) as jsonb, with the
-- columns queries filter on, and resource_version for optimistic concurrency.
CREATE TABLE application (
    id               BIGSERIAL PRIMARY KEY,
    namespace        VARCHAR(253) NOT NULL,
    name             VARCHAR(253) NOT NULL,
    project          VARCHAR(253) NOT NULL,
    document         JSONB        NOT NULL,
    resource_version BIGINT       NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT application_namespace_name UNIQUE (namespace, name)
);
CREATE INDEX application_project ON application (project);
CREATE INDEX application_repo_url ON application ((document -> 'spec' -> 'source' ->> 'repoURL'));

CREATE TABLE app_project (
    id               BIGSERIAL PRIMARY KEY,
    namespace        VARCHAR(253) NOT NULL,
    name             VARCHAR(253) NOT NULL,
    document         JSONB        NOT NULL,
    resource_version BIGINT       NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT app_project_namespace_name UNIQUE (namespace, name)
);

-- Argo CD always has the `default` project: any source, any destination, any kind.
INSERT INTO app_project (namespace, name, document) VALUES (
    'argocd', 'default',
    '{"apiVersion":"argoproj.io/v1alpha1","kind":"AppProject","metadata":{"name":"default","namespace":"argocd"},"spec":{"sourceRepos":["*"],"destinations":[{"server":"*","namespace":"*"}],"clusterResourceWhitelist":[{"group":"*","kind":"*"}]}}'
);
