import { defineConfig } from "vite";

// The build lands in the server's wwwroot (see src/Buurtbudget.Server/Buurtbudget.Server.csproj, which runs it).
// `npm run dev` serves the pages with hot reload and sends the API and the hub to a server started with
// `dotnet run --project src/Buurtbudget.Server` (BUURTBUDGET_SERVER to point elsewhere).
const server = process.env.BUURTBUDGET_SERVER ?? "http://localhost:5000";

export default defineConfig({
  build: {
    outDir: "../src/Buurtbudget.Server/wwwroot",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      "/api": { target: server, changeOrigin: false },
      "/hubs": { target: server, ws: true },
    },
  },
});
