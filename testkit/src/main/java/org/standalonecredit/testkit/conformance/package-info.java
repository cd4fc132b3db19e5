/**
 * The conformance suite any provider runs, ours or a third party's: implement
 * {@link org.standalonecredit.testkit.conformance.ConformanceSubject} and return {@code ConformanceSuite.of(subject).tests()} from a {@code @TestFactory},
 * or run {@link org.standalonecredit.testkit.conformance.ConformanceMain} against jars.
 */
package org.standalonecredit.testkit.conformance;
