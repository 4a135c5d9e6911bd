package org.devicelink.app;

import org.devicelink.testing.CompanionWindow;

/** {@link ContrastTest} in the dark theme. */
@CompanionWindow.Settings(theme = "dark", server = {"trust-proxy=true", "local-issuer.demo-accounts=false"})
class ContrastInTheDarkTest extends ContrastTest {}
