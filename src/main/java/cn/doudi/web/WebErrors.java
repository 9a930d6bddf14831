package cn.doudi.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import cn.doudi.payroll.MonthEndRefusedException;
import cn.doudi.review.ReviewRefusedException;
import cn.doudi.security.AccessDeniedException;

/**
 * The façades' refusals as pages: another county or a missing permission is 403 with the façade's
 * Chinese message (the same words as the command line); a refused action that the user may try is 409.
 */
@ControllerAdvice
class WebErrors {

	private static final Logger log = LoggerFactory.getLogger(WebErrors.class);

	@ExceptionHandler(AccessDeniedException.class)
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied(AccessDeniedException e, Model model) {
		log.info("refused: {}", e.getMessage());
		model.addAttribute("title", "无权访问");
		model.addAttribute("message", e.getMessage());
		return "problem";
	}

	@ExceptionHandler({ MonthEndRefusedException.class, ReviewRefusedException.class, IllegalArgumentException.class })
	@ResponseStatus(HttpStatus.CONFLICT)
	String refused(RuntimeException e, Model model) {
		model.addAttribute("title", "操作未执行");
		model.addAttribute("message", e.getMessage());
		return "problem";
	}

	@ExceptionHandler(NotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFound e, Model model) {
		model.addAttribute("title", "未找到");
		model.addAttribute("message", e.getMessage());
		return "problem";
	}

	/** A page or file that does not exist (or is not the viewer's to know about). */
	static class NotFound extends RuntimeException {

		NotFound(String message) {
			super(message);
		}
	}
}
