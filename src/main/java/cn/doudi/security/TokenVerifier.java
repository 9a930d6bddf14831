package cn.doudi.security;

import java.util.Optional;

/**
 * Where API tokens ({@code DOUDI_TOKEN}) will be checked: the name of the active user a token belongs to,
 * or empty when it is unknown, revoked or its user disabled. Implemented by {@link ApiTokens}
 * ({@code users token}); without a bean of this type {@link CommandAuthentication} refuses a token with a
 * message that says so.
 */
public interface TokenVerifier {

	Optional<String> userOf(String token);
}
