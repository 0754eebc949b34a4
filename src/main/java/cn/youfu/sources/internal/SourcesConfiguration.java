package cn.youfu.sources.internal;

import cn.youfu.sources.BenefitRegistry;
import cn.youfu.sources.CreditList;
import cn.youfu.sources.EducationRegistry;
import cn.youfu.sources.EnterpriseRegistry;
import cn.youfu.sources.LicenceLibrary;
import cn.youfu.sources.MarriageRegistry;
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
        var connector = connectors.of(SourceCatalog.POPULATION);
        return id -> connector.fetch(id.value());
    }

    @Bean
    MarriageRegistry marriageRegistry(Connectors connectors) {
        var connector = connectors.of(SourceCatalog.MARRIAGE);
        return id -> connector.fetch(id.value());
    }

    @Bean
    EducationRegistry educationRegistry(Connectors connectors) {
        var connector = connectors.of(SourceCatalog.EDUCATION);
        return id -> connector.fetch(id.value());
    }

    @Bean
    SocialInsuranceRegistry socialInsuranceRegistry(Connectors connectors) {
        var connector = connectors.of(SourceCatalog.SOCIAL_INSURANCE);
        return id -> connector.fetch(id.value());
    }

    @Bean
    EnterpriseRegistry enterpriseRegistry(Connectors connectors) {
        var connector = connectors.of(SourceCatalog.ENTERPRISE);
        return code -> connector.fetch(code.value());
    }

    @Bean
    LicenceLibrary licenceLibrary(Connectors connectors) {
        var connector = connectors.of(SourceCatalog.E_LICENCE);
        return holder -> connector.fetch(Keys.subject(holder));
    }

    @Bean
    BenefitRegistry benefitRegistry(Connectors connectors) {
        var connector = connectors.of(SourceCatalog.BENEFITS);
        return id -> connector.fetch(id.value());
    }

    @Bean
    RealEstateRegistry realEstateRegistry(Connectors connectors) {
        var connector = connectors.of(SourceCatalog.REAL_ESTATE);
        return owner -> connector.fetch(Keys.subject(owner));
    }

    @Bean
    CreditList creditList(Connectors connectors) {
        var connector = connectors.of(SourceCatalog.CREDIT);
        return subject -> connector.fetch(Keys.subject(subject));
    }
}
