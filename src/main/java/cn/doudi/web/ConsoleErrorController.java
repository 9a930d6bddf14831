package cn.doudi.web;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's error page, for whatever the controllers did not answer themselves (an error the servlet
 * container or a filter raised): the status it had, a title and a sentence in Chinese, never the
 * exception's text or a stack trace. {@code GET /error} asked directly is 404 (there is no such page),
 * not 500. Replaces Spring Boot's Whitelabel page.
 */
@Controller
class ConsoleErrorController implements ErrorController {

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i && i >= 400 ? i : HttpStatus.NOT_FOUND.value();
		response.setStatus(status);
		return WebErrors.page(model, title(status), message(status));
	}

	static String title(int status) {
		return switch (status) {
			case 400, 405, 415 -> "请求无效";
			case 401, 403 -> "无权访问";
			case 404 -> "未找到";
			case 413 -> "文件过大";
			default -> status >= 500 ? "服务器内部错误" : "请求无效";
		};
	}

	static String message(int status) {
		return switch (status) {
			case 400 -> "请求中的内容无效，请从页面上的链接和表单操作";
			case 401, 403 -> "没有权限访问此页面（若会话已过期，请重新登录）";
			case 404 -> "没有这个页面";
			case 405 -> "此地址不接受这种请求，请从页面上的链接和表单操作";
			case 413 -> "上传的文件超过上限，请按区县或月份拆分后再上传";
			case 415 -> "请求的内容类型不受支持，请从页面上的表单提交";
			default -> status >= 500 ? "处理请求时发生内部错误，未做任何更改。错误已记入服务日志，请联系系统管理员。"
					: "请求无效，请从页面上的链接和表单操作";
		};
	}
}
