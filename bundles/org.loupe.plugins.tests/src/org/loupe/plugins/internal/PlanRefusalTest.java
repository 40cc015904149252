package org.loupe.plugins.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.MetadataFactory;
import org.eclipse.equinox.p2.metadata.MetadataFactory.InstallableUnitDescription;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.query.IQuery;
import org.junit.jupiter.api.Test;

class PlanRefusalTest {

    private static final String P2 = "org.eclipse.equinox.p2.director";

    @Test
    void aPluginNeedingANewerApiIsNamedWithWhatThisLoupeHas() {
        IStatus s = plan("Missing requirement: Example 1.0.0 (com.example.x 1.0.0) requires 'java.package; "
                + "org.loupe.api [9.0.0,10.0.0)' but it could not be found");
        assertEquals("com.example.x 1.0.0 needs package org.loupe.api [9.0.0,10.0.0); this Loupe has org.loupe.api "
                + "1.2.0", PlanRefusal.explain(s, profile()));
    }

    @Test
    void aMissingBundleIsNamedAsMissing() {
        IStatus s = plan("Missing requirement: Example 1.0.0 (com.example.x 1.0.0) requires 'osgi.bundle; "
                + "com.example.missing 0.0.0' but it could not be found");
        assertEquals("com.example.x 1.0.0 needs bundle com.example.missing 0.0.0; this Loupe has no bundle "
                + "com.example.missing", PlanRefusal.explain(s, profile()));
    }

    @Test
    void twoVersionsOfASingletonAreAConflict() {
        IStatus s = plan("Only one of the following can be installed at once: [com.example.x 1.0.0, com.example.x "
                + "2.0.0]");
        assertEquals("conflict: [com.example.x 1.0.0, com.example.x 2.0.0] (only one of them can be installed at "
                + "once)", PlanRefusal.explain(s, profile()));
    }

    private static IStatus plan(String leaf) {
        MultiStatus m = new MultiStatus(P2, 1, "Cannot complete the install because one or more required items could "
                + "not be found.", null);
        m.add(new Status(IStatus.ERROR, P2, "Software being installed: Example 1.0.0 (com.example.x 1.0.0)"));
        m.add(new Status(IStatus.ERROR, P2, leaf));
        return m;
    }

    /** A profile holding Loupe's API bundle, exporting org.loupe.api 1.2.0. */
    private static IProfile profile() {
        InstallableUnitDescription d = new InstallableUnitDescription();
        d.setId("org.loupe.api");
        d.setVersion(Version.create("1.1.0"));
        d.addProvidedCapabilities(List.of(MetadataFactory.createProvidedCapability("java.package", "org.loupe.api",
                Version.create("1.2.0"))));
        IInstallableUnit api = MetadataFactory.createInstallableUnit(d);
        return (IProfile) Proxy.newProxyInstance(PlanRefusalTest.class.getClassLoader(), new Class<?>[] {
            IProfile.class}, (proxy, method, args) -> {
                if (method.getName().equals("query")) {
                    @SuppressWarnings("unchecked")
                    IQuery<IInstallableUnit> q = (IQuery<IInstallableUnit>) args[0];
                    return q.perform(List.of(api).iterator());
                }
                throw new UnsupportedOperationException(method.getName());
            });
    }
}
