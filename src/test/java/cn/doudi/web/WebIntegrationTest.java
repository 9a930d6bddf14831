package cn.doudi.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.doudi.support.FreshSchemaConfiguration;

/**
 * A test of the web console on a mock servlet environment with the whole application and the real
 * PostgreSQL of {@code application-test.yml} (as {@code @DoudiIntegrationTest}); the application is a
 * servlet application only here and under {@code doudi serve}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "spring.main.web-application-type=servlet")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(FreshSchemaConfiguration.class)
@interface WebIntegrationTest {
}
