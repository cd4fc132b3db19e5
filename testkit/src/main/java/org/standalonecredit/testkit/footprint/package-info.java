/** What a provider costs an application at run time: its jars and their bytes. */
package org.standalonecredit.testkit.footprint;
