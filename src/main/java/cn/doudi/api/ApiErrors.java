package cn.doudi.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.review.ReviewRefusedException;
import cn.doudi.security.AccessDeniedException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's errors as JSON {@code {"status": 403, "error": "Forbidden", "message": "…"}} with a message in
 * Chinese: another county or a missing role 403 with the façade's words (as the console and the command line);
 * bad input 400 (an unknown source, a missing file, a malformed month or county), too large 413; a refusal
 * the caller may retry later 409; anything unforeseen 500 without details (those go to the log only). A
 * library's wording never reaches the caller.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	/** The body of every error. */
	record Error(int status, String error, String message) {
	}

	/** A bad request the API itself recognised, with its Chinese message. */
	static final class BadRequest extends RuntimeException {

		BadRequest(String message) {
			super(message);
		}
	}

	static ResponseEntity<Error> error(HttpStatus status, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Error(status.value(), status.getReasonPhrase(), message));
	}

	/** Writes an error where no controller answers (the security filter chain). */
	static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType("application/json;charset=UTF-8");
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"doudi\"");
		}
		response.getOutputStream()
			.write(("{\"status\":" + status.value() + ",\"error\":\"" + status.getReasonPhrase() + "\",\"message\":\""
					+ message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Error> denied(AccessDeniedException e) {
		return error(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler({ MonthEndRefusedException.class, ReviewRefusedException.class })
	ResponseEntity<Error> refused(RuntimeException e) {
		return error(HttpStatus.CONFLICT, e.getMessage());
	}

	@ExceptionHandler(BadRequest.class)
	ResponseEntity<Error> bad(BadRequest e) {
		return error(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Error> badArgument(IllegalArgumentException e) {
		if (e.getMessage() != null && CHINESE.matcher(e.getMessage()).find()) {
			return error(HttpStatus.BAD_REQUEST, e.getMessage());
		}
		log.info("bad API request: {}", e.getMessage());
		return error(HttpStatus.BAD_REQUEST, "请求中的参数无效");
	}

	@ExceptionHandler(TypeMismatchException.class)
	ResponseEntity<Error> typeMismatch(TypeMismatchException e) {
		return error(HttpStatus.BAD_REQUEST, "参数" + (e.getPropertyName() == null ? "" : "“" + e.getPropertyName() + "”") + "格式不对");
	}

	@ExceptionHandler({ MissingServletRequestPartException.class, MissingServletRequestParameterException.class })
	ResponseEntity<Error> missing(Exception e) {
		String name = e instanceof MissingServletRequestPartException p ? p.getRequestPartName()
				: ((MissingServletRequestParameterException) e).getParameterName();
		return error(HttpStatus.BAD_REQUEST, "缺少参数“" + name + "”" + ("file".equals(name) ? "（multipart 的文件字段）" : ""));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Error> tooLarge(MaxUploadSizeExceededException e) {
		return error(HttpStatus.CONTENT_TOO_LARGE, "上传的文件超过上限，未导入");
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Error> multipart(MultipartException e) {
		return error(HttpStatus.BAD_REQUEST, "上传内容应为 multipart/form-data，文件放在字段 file 中");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<Error> method(HttpRequestMethodNotSupportedException e) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, "此地址不支持 " + e.getMethod() + " 请求");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Error> unforeseen(Exception e) {
		log.error("API request failed", e);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请联系管理员（详情见服务器日志）");
	}
}
