package org.cecplatform.systemtests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A system test class: runs against the one stack of this JVM ({@link SystemUnderTest}), which test methods receive
 * as a parameter. Name such classes {@code *SystemTest} so that failsafe runs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SystemUnderTest.class)
@Tag("system")
public @interface SystemTest {
}
