/**
 * Visa Acceptance stand-alone credits: the Cybersource provider at the Visa Acceptance hosts, with the mass-transit rules
 * checked before anything is sent.
 */
package org.standalonecredit.visaacceptance;
