package cn.youfu.sources.internal;

import cn.youfu.sources.BenefitRegistry;
import cn.youfu.sources.CreditList;
import cn.youfu.sources.EducationRegistry;
import cn.youfu.sources.EnterpriseRegistry;
import cn.youfu.sources.LicenceLibrary;
import cn.youfu.sources.MarriageRegistry;
import cn.youfu.sources.PoliceRecords;
import cn.youfu.sources.PopulationRegistry;
import cn.youfu.sources.RealEstateRegistry;
import cn.youfu.sources.SocialInsuranceRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published source interfaces, each backed by the connector {@link Connectors} chose for it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SourcesSettings.class)
class SourcesConfiguration {

    @Bean
    PopulationRegistry populationRegistry(Connectors connectors) {
        return id -> connectors.of(SourceCatalog.POPULATION).fetch(id.value());
    }

    @Bean
    MarriageRegistry marriageRegistry(Connectors connectors) {
        return id -> connectors.of(SourceCatalog.MARRIAGE).fetch(id.value());
    }

    @Bean
    EducationRegistry educationRegistry(Connectors connectors) {
        return id -> connectors.of(SourceCatalog.EDUCATION).fetch(id.value());
    }

    @Bean
    SocialInsuranceRegistry socialInsuranceRegistry(Connectors connectors) {
        return id -> connectors.of(SourceCatalog.SOCIAL_INSURANCE).fetch(id.value());
    }

    @Bean
    EnterpriseRegistry enterpriseRegistry(Connectors connectors) {
        return code -> connectors.of(SourceCatalog.ENTERPRISE).fetch(code.value());
    }

    @Bean
    LicenceLibrary licenceLibrary(Connectors connectors) {
        return holder -> connectors.of(SourceCatalog.E_LICENCE).fetch(Keys.subject(holder));
    }

    @Bean
    BenefitRegistry benefitRegistry(Connectors connectors) {
        return id -> connectors.of(SourceCatalog.BENEFITS).fetch(id.value());
    }

    @Bean
    RealEstateRegistry realEstateRegistry(Connectors connectors) {
        return owner -> connectors.of(SourceCatalog.REAL_ESTATE).fetch(Keys.subject(owner));
    }

    @Bean
    PoliceRecords policeRecords(Connectors connectors) {
        return id -> connectors.of(SourceCatalog.POLICE_RECORDS).fetch(id.value());
    }

    @Bean
    CreditList creditList(Connectors connectors) {
        return subject -> connectors.of(SourceCatalog.CREDIT).fetch(Keys.subject(subject));
    }
}
