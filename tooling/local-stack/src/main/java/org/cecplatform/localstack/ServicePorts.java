package org.cecplatform.localstack;

/** A service's two ports: its API ({@code HTTP_PORT}) and its management interface with health and metrics ({@code MANAGEMENT_PORT}). */
record ServicePorts(int http, int management) {
}
