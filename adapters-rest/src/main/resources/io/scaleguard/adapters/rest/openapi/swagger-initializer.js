// ScaleGuard's Swagger UI: this service's own document, and the OAuth2 password flow in the Authorize dialog.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // Tokens live as long as the page: nothing is written to the browser's storage.
    persistAuthorization: false,
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "BaseLayout"
  });
  // A public client: no client secret. Both scopes are ticked, so a token from the dialog serves every endpoint.
  window.ui.initOAuth({
    scopes: ["profile", "items"]
  });
};
