package cn.doudi.web;

import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.review.ReviewRefusedException;
import cn.doudi.security.AccessDeniedException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every failure of a request as a page in Chinese with a 4xx status that says what is wrong: another county
 * or a missing permission is 403 with the façade's message (the same words as the command line); a refused
 * action that the user may try again is 409; bad input — a malformed number in the address, a missing field,
 * an unknown code, a file over the upload limit — is 400 (413 for the size). A message is shown only when it
 * is the product's own (Chinese); a library's wording ({@code No enum constant …}, a parser's or the
 * database's message, an SQL statement) never reaches a page. Anything unforeseen is a plain 500 page that
 * says so, with the details in the server's log only ({@link ConsoleErrorController} renders what escapes
 * the controllers, and {@code GET /error} itself).
 */
@ControllerAdvice
class WebErrors {

	private static final Logger log = LoggerFactory.getLogger(WebErrors.class);
	private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

	@ExceptionHandler(AccessDeniedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied(AccessDeniedException e, Model model) {
		log.info("refused: {}", e.getMessage());
		return page(model, "无权访问", Words.INSTANCE.message(e.getMessage()));
	}

	@ExceptionHandler({ MonthEndRefusedException.class, ReviewRefusedException.class })
	@ResponseStatus(HttpStatus.CONFLICT)
	String refused(RuntimeException e, Model model) {
		return page(model, "操作未执行", Words.INSTANCE.message(e.getMessage()));
	}

	/** The façades refuse bad arguments in Chinese; anything else is a library's wording, not shown. */
	@ExceptionHandler(IllegalArgumentException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badArgument(IllegalArgumentException e, Model model) {
		if (ours(e.getMessage())) {
			return page(model, "操作未执行", e.getMessage());
		}
		log.info("bad request: {}", e.getMessage());
		return page(model, "请求无效", "请求中的参数无效，请从页面上的链接和表单操作");
	}

	@ExceptionHandler(BadRequest.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(BadRequest e, Model model) {
		return page(model, "请求无效", e.getMessage());
	}

	@ExceptionHandler(TypeMismatchException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String typeMismatch(TypeMismatchException e, Model model) {
		String name = e.getPropertyName() == null ? "" : "“" + e.getPropertyName() + "”";
		return page(model, "请求无效", "地址或表单中的参数" + name + "格式不对（例如编号应为数字）");
	}

	@ExceptionHandler({ MissingServletRequestParameterException.class, MissingServletRequestPartException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String missing(Exception e, Model model) {
		return page(model, "请求无效", "表单不完整，缺少必填的内容，请从页面上的表单重新提交");
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
	String tooLarge(MaxUploadSizeExceededException e, Model model) {
		return page(model, "文件过大", "上传的文件超过上限，请按区县或月份拆分后再上传");
	}

	@ExceptionHandler({ MultipartException.class, HttpMessageNotReadableException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String unreadable(Exception e, Model model) {
		log.info("unreadable request: {}", e.getMessage());
		return page(model, "请求无效", "上传的内容不完整或无法读取，请重新上传");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	@ResponseStatus(HttpStatus.METHOD_NOT_ALLOWED)
	String method(Exception e, Model model) {
		return page(model, "请求无效", "此地址不接受这种请求，请从页面上的链接和表单操作");
	}

	@ExceptionHandler(HttpMediaTypeException.class)
	@ResponseStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
	String mediaType(Exception e, Model model) {
		return page(model, "请求无效", "请求的内容类型不受支持，请从页面上的表单提交");
	}

	@ExceptionHandler({ NotFound.class, NoResourceFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Exception e, Model model) {
		return page(model, "未找到", e instanceof NotFound ? e.getMessage() : "没有这个页面");
	}

	/** Anything unforeseen: a 500 page without details; the details go to the log. */
	@ExceptionHandler(Exception.class)
	String unexpected(Exception e, Model model, HttpServletResponse response) throws Exception {
		if (e instanceof org.springframework.security.access.AccessDeniedException
				|| e instanceof org.springframework.security.core.AuthenticationException) {
			throw e; // Spring Security's own: its filters answer them (login page, 403)
		}
		if (e instanceof ErrorResponse r && r.getStatusCode().value() < 500) {
			// Spring's own refusals that carry a status (405, 415, …): that status, in Chinese
			int status = r.getStatusCode().value();
			response.setStatus(status);
			return page(model, ConsoleErrorController.title(status), ConsoleErrorController.message(status));
		}
		log.error("request failed", e);
		response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
		return page(model, "服务器内部错误", "处理请求时发生内部错误，未做任何更改。错误已记入服务日志，请联系系统管理员。");
	}

	static boolean ours(String message) {
		return message != null && CHINESE.matcher(message).find() && !message.contains("Exception")
				&& !message.toLowerCase(java.util.Locale.ROOT).contains("sql");
	}

	static String page(Model model, String title, String message) {
		model.addAttribute("title", title);
		model.addAttribute("message", message);
		return "problem";
	}

	/** A page or file that does not exist (or is not the viewer's to know about). */
	static class NotFound extends RuntimeException {

		NotFound(String message) {
			super(message);
		}
	}

	/** Input the web layer itself refuses (a malformed county, month or code): 400 with this message. */
	static class BadRequest extends RuntimeException {

		BadRequest(String message) {
			super(message);
		}
	}
}
