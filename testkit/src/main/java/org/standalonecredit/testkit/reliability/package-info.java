/**
 * The fault matrix and the soak any provider runs, ours or a third party's, from the same
 * {@link org.standalonecredit.testkit.conformance.ConformanceSubject} as the conformance suite: return
 * {@code FaultMatrix.of(subject).cells()} and {@code Soak.of(subject).test()} from a {@code @TestFactory}.
 */
package org.standalonecredit.testkit.reliability;
