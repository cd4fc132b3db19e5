/**
 * A self-signed certificate made at run time, so a simulator can answer over https.
 */
package org.standalonecredit.simulator.tls;
