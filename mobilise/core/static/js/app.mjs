// Every page's script: start the NHS.UK design system's components.
import { initAll } from "../nhsuk/nhsuk-frontend.min.js";

initAll();
