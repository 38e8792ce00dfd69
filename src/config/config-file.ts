/** The config file's name, looked for in the working directory, then in --data DIR (README "Config file"). */
export const CONFIG_FILE = 'channelbench.config.json';
