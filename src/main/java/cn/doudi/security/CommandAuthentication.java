package cn.doudi.security;

import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Who runs a command line (OUTPUTS.md "Command line"): a command acts as a user only when it proves that
 * it is that user —
 * <ol>
 * <li>an API token ({@code DOUDI_TOKEN}), checked by the {@link TokenVerifier} ({@link ApiTokens});</li>
 * <li>the operating-system account the process runs as, mapped to the user ({@code users add …
 * --os-account=NAME}; the bootstrap admin is mapped to the account that created it);</li>
 * <li>the user's password ({@code DOUDI_PASSWORD}, or typed on a terminal), checked and throttled as a
 * console login is ({@link Passwords}), from the address {@code os:<account>}.</li>
 * </ol>
 * Without {@code --user}, the user is the one mapped to the OS account, else the user named as the account
 * (which then needs its password). Naming another user with {@code --user} proves nothing: a shell mapped
 * to FINANCE user A cannot approve as FINANCE user B without B's password, so maker–checker holds on the
 * command line too. A password check is audited as a console login is ({@code LOGIN}, {@code LOGIN_FAILED},
 * from {@code os:<account>}); the actions themselves are audited under the proved user. A refusal says in
 * one line what would prove it.
 */
@Service
public class CommandAuthentication {

	private final AccessControl access;
	private final Passwords passwords;
	private final ObjectProvider<TokenVerifier> tokens;
	private final Clock clock;

	CommandAuthentication(AccessControl access, Passwords passwords, ObjectProvider<TokenVerifier> tokens, Clock clock) {
		this.access = access;
		this.passwords = passwords;
		this.tokens = tokens;
		this.clock = clock;
	}

	/** The name of the user the command acts as ({@code claimed} from {@code --user}, or null); else throws. */
	public String authenticate(String claimed, Credentials credentials) {
		String os = credentials.osAccount();
		Optional<String> token = credentials.token();
		if (token.isPresent()) {
			TokenVerifier verifier = tokens.getIfAvailable();
			if (verifier == null) {
				throw new AccessDeniedException("本版本尚不支持 API 令牌（DOUDI_TOKEN）：请用映射的操作系统账户或 DOUDI_PASSWORD");
			}
			String owner = verifier.userOf(token.get())
				.orElseThrow(() -> new AccessDeniedException("DOUDI_TOKEN 无效、已过期或已吊销"));
			if (claimed != null && !claimed.equals(owner)) {
				throw new AccessDeniedException("DOUDI_TOKEN 属于用户 " + owner + "，不能用于 --user=" + claimed);
			}
			return proved(owner);
		}
		Optional<User> mapped = access.findByOsAccount(os);
		String user = claimed != null ? claimed : mapped.map(User::name).orElse(os);
		if (mapped.isPresent() && mapped.get().name().equals(user)) {
			return proved(user);
		}
		Optional<String> password = credentials.password(user);
		if (password.isEmpty()) {
			throw new AccessDeniedException("不能证明你是用户 " + user + "：操作系统账户 " + os
					+ (mapped.map(u -> " 对应的是用户 " + u.name()).orElse(" 没有对应任何用户"))
					+ "；请用该用户的密码（环境变量 DOUDI_PASSWORD，或在终端输入），或请管理员用 users map --os-account 映射账户");
		}
		Passwords.Check check = passwords.check(user, password.get(), "os:" + os);
		return switch (check.outcome()) {
			case OK -> proved(user);
			case LOCKED -> throw new AccessDeniedException("用户 " + user + " 或操作系统账户 " + os + " 因多次密码错误被暂时锁定，"
					+ check.retryIn(clock));
			case WRONG -> throw new AccessDeniedException("用户 " + user + " 的密码不对（或用户不存在、已停用、未设密码）"
					+ (check.lockedUntil() != null ? "；失败次数过多，已暂时锁定，" + check.retryIn(clock) : ""));
		};
	}

	/** The proved user, if still active. */
	private String proved(String user) {
		access.find(user).orElseThrow(() -> new AccessDeniedException("用户 " + user + " 不存在或已停用"));
		return user;
	}
}
