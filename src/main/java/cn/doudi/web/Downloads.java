package cn.doudi.web;

import org.springframework.stereotype.Component;

import cn.doudi.security.AuditLog;

/**
 * Every file the console hands out is audited ({@code DOWNLOAD}: who, the county, which file) — the
 * full-number {@code payments.csv}, the bank files and the error reports (which hold rejected rows whole)
 * as much as the masked ones, so that the trail shows who took personal data out of the system.
 */
@Component
class Downloads {

	private final AuditLog audit;

	Downloads(AuditLog audit) {
		this.audit = audit;
	}

	void record(String user, String county, String kind, String name) {
		audit.record(user, "DOWNLOAD", county, name, kind);
	}
}
