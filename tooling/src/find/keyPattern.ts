/** Example keys: lowercase letters, digits, `.`, `-` and `/`, starting with a letter or digit. */
export const keyPattern = /^[a-z0-9][a-z0-9./-]*$/;
