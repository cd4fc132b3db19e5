/**
 * JUnit 5 glue for the simulators: {@link org.standalonecredit.testkit.junit.SimulatorExtension}.
 */
package org.standalonecredit.testkit.junit;
