package io.orderhub.httpapi.archfixture;

/** Stands for a class of the HTTP kit (http-api). */
public class HttpProblem {}
