-- Issue 11: the command line proves who its user is (OUTPUTS.md "Command line"), users can be disabled,
-- and failed logins are throttled per user and per address.

-- The operating-system account a user is mapped to (`users add … --os-account=NAME`; the bootstrap admin is
-- mapped to the account that created it). One active user per account, so that one shell is one person.
alter table app_user add column os_account text;
create unique index app_user_os_account on app_user (os_account) where active and os_account is not null;
-- `users disable`: who and when (active = false keeps the user for the audit trail and its decisions).
alter table app_user add column disabled_by text;
alter table app_user add column disabled_at timestamptz;

-- Failed logins (console and command line) per key: 'user:<name>', 'address:<ip>' or 'os:<account>'.
-- failures count within the window that started at window_start; reaching the limit locks the key until
-- locked_until (and starts a new window).
create table login_throttle (
    key          text primary key,
    failures     integer not null,
    window_start timestamptz not null,
    locked_until timestamptz
);
