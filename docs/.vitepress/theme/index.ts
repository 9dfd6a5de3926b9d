import DefaultTheme from "vitepress/theme";
import "./exemplar.css";

export default DefaultTheme;
