-- The web console's login (doudi serve): a BCrypt hash per user, set by `users password`.
-- Null: the user has no password yet and cannot log in to the web console (the command line is unchanged).
alter table app_user add column password_hash text;
alter table app_user add column password_set_at timestamptz;
