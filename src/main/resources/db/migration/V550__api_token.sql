-- Issue 12 (part 2): API tokens per system account (`users token --name=U`), for the HTTP API under /api/v1
-- and DOUDI_TOKEN on the command line. Only the SHA-256 of a token is kept (security.ApiTokens says why);
-- prefix is the token's first characters, shown in lists so that an operator can tell tokens apart.
create table api_token (
    id           bigserial primary key,
    user_name    text not null references app_user (name),
    label        text not null,
    prefix       text not null,
    token_hash   char(64) not null unique,
    created_by   text not null,
    created_at   timestamptz not null,
    last_used_at timestamptz,
    revoked_by   text,
    revoked_at   timestamptz
);
create index api_token_user on api_token (user_name);
