/**
 * The Cybersource and Visa Acceptance simulator: HTTP Signature checked as the gateway does, credits, voids, look-ups.
 */
package org.standalonecredit.simulator.cybersource;
