/** The door to the web pages: their routes and the error page. */
export { sendErrorPage, webRoutes } from "./routes.ts";
