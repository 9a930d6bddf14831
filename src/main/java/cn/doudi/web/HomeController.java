package cn.doudi.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (the home page is {@link MonthOverview}). */
@Controller
class HomeController {

	@GetMapping("/login")
	String login() {
		return "login";
	}
}
