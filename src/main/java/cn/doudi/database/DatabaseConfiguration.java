package cn.doudi.database;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(DatabaseProperties props, @Value("${doudi.home}") Path home) throws IOException {
		if (StringUtils.hasText(props.url())) {
			return EmbeddedDatabase.none();
		}
		Path dir = props.embeddedDir() != null ? props.embeddedDir() : home.resolve("pgdata");
		return EmbeddedDatabase.start(dir, props.fresh());
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseProperties props, EmbeddedDatabase embedded) throws SQLException {
		HikariConfig config = new HikariConfig();
		if (StringUtils.hasText(props.url())) {
			if (props.createIfMissing()) {
				createIfMissing(props);
			}
			config.setJdbcUrl(withBatchedInserts(props.url()));
			config.setUsername(props.user());
			config.setPassword(props.password());
		}
		else {
			config.setJdbcUrl(withBatchedInserts(embedded.jdbcUrl()));
			config.setUsername("postgres");
		}
		config.setMaximumPoolSize(8);
		// connections are opened as work needs them and closed after a minute idle: a serve process, a
		// command beside it and the tests' cached contexts share one server's max_connections
		config.setMinimumIdle(1);
		config.setIdleTimeout(60_000);
		config.setPoolName("doudi");
		config.setConnectionTimeout(props.connectionTimeout().toMillis());
		return new HikariDataSource(config);
	}

	/** pgjdbc's option is reWriteBatchedInserts (capital W): the lower-case spelling is silently ignored. */
	static String withBatchedInserts(String url) {
		if (url.contains("reWriteBatchedInserts")) {
			return url;
		}
		return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
	}

	/** For a fresh external server: creates the database named in the URL when it does not exist. */
	private static void createIfMissing(DatabaseProperties props) throws SQLException {
		String url = props.url();
		int slash = url.lastIndexOf('/');
		int q = url.indexOf('?', slash);
		String name = q < 0 ? url.substring(slash + 1) : url.substring(slash + 1, q);
		if (!name.matches("[A-Za-z0-9_]+")) {
			return;
		}
		String maintenance = url.substring(0, slash + 1) + "postgres" + (q < 0 ? "" : url.substring(q));
		try (Connection c = DriverManager.getConnection(maintenance, props.user(), props.password());
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
			if (!rs.next()) {
				log.info("creating database {}", name);
				s.execute("create database " + name);
			}
		}
	}
}
