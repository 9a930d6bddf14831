package cn.doudi.security;

/** The user may not do this (unknown user, wrong role, or another county). */
public class AccessDeniedException extends RuntimeException {

	public AccessDeniedException(String message) {
		super(message);
	}
}
