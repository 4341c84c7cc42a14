/** What energy costs when: the tariff port and its price periods. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Tariff",
    allowedDependencies = {"units", "config"})
package fr.marstek.automation.tariff;
