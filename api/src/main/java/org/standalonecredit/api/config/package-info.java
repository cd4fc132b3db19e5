/**
 * Configuration: sources (maps, properties, the environment, layered), per-gateway views that collect every
 * problem before one {@link org.standalonecredit.api.config.ConfigurationException}, bounded durations and numbers, base-URL rules
 * (https anywhere, plain http only when the whole path is loopback) and {@link org.standalonecredit.api.config.Secret}.
 */
package org.standalonecredit.api.config;
