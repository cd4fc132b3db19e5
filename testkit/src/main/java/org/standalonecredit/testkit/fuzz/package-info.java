/**
 * Helpers for fuzzing a provider's answer parsing: seed mutations and card-number runs to look for.
 */
package org.standalonecredit.testkit.fuzz;
