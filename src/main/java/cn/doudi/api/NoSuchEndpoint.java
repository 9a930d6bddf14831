package cn.doudi.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/** Any other address under {@code /api/v1}: 404 as JSON in Chinese (never the console's HTML page). */
@RestController
@Hidden
class NoSuchEndpoint {

	@RequestMapping("/api/v1/**")
	ResponseEntity<ApiErrors.Error> none() {
		return ApiErrors.error(HttpStatus.NOT_FOUND, "没有这个 API 地址（见 /api/v1/openapi.json）");
	}
}
