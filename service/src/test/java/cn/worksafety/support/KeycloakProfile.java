package cn.worksafety.support;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service trusting a real Keycloak instead of the test key (see KeycloakResource). */
public class KeycloakProfile implements QuarkusTestProfile {
}
