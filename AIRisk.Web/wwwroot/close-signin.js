// Closes the browser-mode sign-in pop-up once /callback has taken the code.
window.close();
