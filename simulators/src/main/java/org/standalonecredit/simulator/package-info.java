/**
 * Gateway simulators for tests and staging, with no test framework: a {@link org.standalonecredit.simulator.GatewaySimulator} base,
 * a {@link org.standalonecredit.simulator.Ledger} of the credits really made, a {@link org.standalonecredit.simulator.RequestJournal} of the exact
 * requests, and a {@link org.standalonecredit.simulator.Script} of faults. See {@code simulators/SIMULATORS.md}.
 */
package org.standalonecredit.simulator;
