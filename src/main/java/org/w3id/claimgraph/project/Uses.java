package org.w3id.claimgraph.project;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a package (in its package-info.java): the other claimgraph packages its classes may use, named below
 * {@code org.w3id.claimgraph} ({@code "query.api"}). A package may always use itself. The direction of every
 * dependency between packages is declared here and checked by a test (PackageDirectionTest).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface Uses {
    String[] value();
}
