package cn.doudi.disbursement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.doudi.disbursement.pain.Payer;

/** The paying account of pain.001 files, from {@code doudi.payer.*} (application.yml has sample values). */
@Configuration(proxyBeanMethods = false)
class DisbursementConfiguration {

	@Bean
	Payer payer(@Value("${doudi.payer.name}") String name, @Value("${doudi.payer.account}") String account,
			@Value("${doudi.payer.bank-bic}") String bankBic) {
		return new Payer(name, account, bankBic);
	}
}
