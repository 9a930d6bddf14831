package cn.doudi.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole application against the real PostgreSQL server of {@code application-test.yml}
 * (never a mock of the database). Use {@link DatabaseCleaner} to start from empty tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@Import(FreshSchemaConfiguration.class)
public @interface DoudiIntegrationTest {
}
