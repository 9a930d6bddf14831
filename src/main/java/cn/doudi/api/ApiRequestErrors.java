package cn.doudi.api;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Errors of an API request raised before any controller is chosen — the multipart body is parsed first, so an
 * upload over the servlet's size limit sent without a length (chunked) fails there — answered as the API
 * answers, JSON in Chinese ({@link ApiErrors}), not by the console's HTML error page. {@link ApiErrors} (a
 * controller advice of this package) cannot: without a handler no advice limited to a package applies.
 */
@Component
class ApiRequestErrors implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception e) {
		if (handler != null || !request.getRequestURI().startsWith("/api/v1/") || !(e instanceof MultipartException)) {
			return null;
		}
		try {
			if (e instanceof MaxUploadSizeExceededException) {
				ApiErrors.write(response, HttpStatus.CONTENT_TOO_LARGE, "上传的文件超过上限，未导入");
			}
			else {
				ApiErrors.write(response, HttpStatus.BAD_REQUEST, "上传内容应为 multipart/form-data，文件放在字段 file 中");
			}
		}
		catch (IOException io) {
			return null;
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		// before Spring MVC's own resolvers (which would send the status to the console's error page)
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}
}
