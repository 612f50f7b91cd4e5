/** The folder name of the user's data (SQLite store, logs) under the platform's app-data folder. */
export const appName = 'mlops-console';
