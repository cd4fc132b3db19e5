/**
 * Test doubles: a scripted transport and the seed documents' bodies.
 */
package org.standalonecredit.testkit.fakes;
