package cn.doudi.api;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Any other request under {@code /api/v1}, as JSON in Chinese (never the console's HTML page): a known address
 * asked with a method it does not take is 405 with the methods it does take ({@code Allow}); an unknown address
 * is 404; a known address and method with a body of another type is 415. (This catch-all takes every method, so Spring's own 405 would never be reached.)
 */
@RestController
@Hidden
class NoSuchEndpoint {

	private static final String EVERYTHING = "/api/v1/**";

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	// a provider: the mapping exists only where the application is a servlet application (serve)
	NoSuchEndpoint(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@RequestMapping(EVERYTHING)
	ResponseEntity<ApiErrors.Error> none(HttpServletRequest request) {
		Set<String> allowed = allowed(request);
		if (allowed.isEmpty()) {
			return ApiErrors.error(HttpStatus.NOT_FOUND, "没有这个 API 地址（见 /api/v1/openapi.json）");
		}
		if (allowed.contains(request.getMethod())) {
			// the address and method are known, the body's type is not what it takes (an upload not multipart)
			return ApiErrors.error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "此地址不接受内容类型 "
					+ UploadsApi.shown(String.valueOf(request.getContentType())) + "（上传应为 multipart/form-data，文件放在字段 file 中）");
		}
		ResponseEntity<ApiErrors.Error> e = ApiErrors.error(HttpStatus.METHOD_NOT_ALLOWED,
				"此地址不支持 " + request.getMethod() + " 请求，应使用 " + String.join("、", allowed));
		return ResponseEntity.status(e.getStatusCode())
			.headers(e.getHeaders())
			.header(HttpHeaders.ALLOW, String.join(", ", allowed))
			.body(e.getBody());
	}

	/** The methods the other mappings whose address matches this request's take (empty: none matches). */
	private Set<String> allowed(HttpServletRequest request) {
		Set<String> methods = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getObject().getHandlerMethods().keySet()) {
			var paths = info.getPathPatternsCondition();
			if (paths == null || paths.getPatternValues().contains(EVERYTHING)
					|| paths.getMatchingCondition(request) == null) {
				continue;
			}
			Set<RequestMethod> taken = info.getMethodsCondition().getMethods();
			if (taken.isEmpty()) {
				return Set.of();
			}
			taken.forEach(m -> methods.add(m.name()));
		}
		return methods;
	}
}
